# 慢慢算，显示进度：看着输出，或者随时按“停止”。
import math

total = 0
limit = 3_000_000
for i in range(1, limit + 1):
    total += math.sqrt(i)
    if i % 300_000 == 0:
        print(f"完成了 {i * 100 // limit}%，目前的总和是 {total:,.0f}")
print("算完了：", round(total))
