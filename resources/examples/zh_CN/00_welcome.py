# 欢迎使用 Sprout：按“运行”（F5）开始这个程序。
# 想停就按“停止”（Shift+F5）：它永远有效。

print("你好，这里是 Sprout！")
name = input("我该怎么称呼你？")
print(f"很高兴认识你，{name}。")

for step in range(1, 4):
    print("第", step, "步，共 3 步")

print("现在打开“示例 > 死循环”，试试停止按钮。")
