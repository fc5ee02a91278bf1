# 列表：存放很多值，并对它们做处理。
scores = [72, 95, 88, 61, 79]
print("成绩：", scores)
print("最高分：", max(scores), "最低分：", min(scores))
print("平均分：", sum(scores) / len(scores))

scores.append(100)
scores.sort()
print("加上新成绩并排好序：", scores)

passed = [score for score in scores if score >= 75]
print("及格的：", passed)
