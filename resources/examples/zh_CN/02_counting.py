# 计数循环：改一改数字，再运行一次。
import time

for number in range(1, 11):
    print("数到：", number)
    time.sleep(0.2)

print("数完了！试试让它倒着数。")
