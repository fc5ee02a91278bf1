# 死循环：按“停止”（Shift+F5）结束它，Sprout 会告诉你它停在哪里。
count = 0
while count >= 0:
    count = count + 1
    # 糟糕：count 只会越来越大，所以循环永远不会结束。
print("这一行永远不会运行到")
