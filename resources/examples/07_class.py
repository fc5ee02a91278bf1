# A class: bundle data with the things you can do to it.
class Pet:
    def __init__(self, name, sound):
        self.name = name
        self.sound = sound
        self.hunger = 5

    def speak(self):
        print(f"{self.name} says {self.sound}!")

    def feed(self):
        self.hunger = max(0, self.hunger - 2)
        print(f"{self.name} ate. Hunger is now {self.hunger}.")


dog = Pet("Rex", "Woof")
cat = Pet("Tom", "Meow")
for pet in (dog, cat):
    pet.speak()
    pet.feed()
