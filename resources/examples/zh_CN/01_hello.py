# 你好与输入：提一个问题，再回答它。
name = input("你叫什么名字？")
print("你好，" + name + "！")
age = int(input("你几岁了？"))
print("明年你就", age + 1, "岁了")
