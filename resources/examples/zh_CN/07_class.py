# 类：把数据和能对它做的事情放在一起。
class Pet:
    def __init__(self, name, sound):
        self.name = name
        self.sound = sound
        self.hunger = 5

    def speak(self):
        print(f"{self.name}说：{self.sound}！")

    def feed(self):
        self.hunger = max(0, self.hunger - 2)
        print(f"{self.name}吃饱了一点。现在饥饿值是 {self.hunger}。")


dog = Pet("旺财", "汪汪")
cat = Pet("咪咪", "喵喵")
for pet in (dog, cat):
    pet.speak()
    pet.feed()
