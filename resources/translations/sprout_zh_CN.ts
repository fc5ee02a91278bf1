<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name></name>
    <message>
        <source>What the program prints. When it asks for input, type your answer here and press Enter.</source>
        <translation>程序输出的内容。程序要求输入时，在这里打字并按 Enter。</translation>
    </message>
    <message>
        <source>↓ New output below</source>
        <translation>↓ 下面有新输出</translation>
    </message>
    <message>
        <source>Jump to the newest output</source>
        <translation>跳到最新的输出</translation>
    </message>
    <message>
        <source>  … [long line squeezed: double-click to expand]</source>
        <translation>  …［长行已折叠：双击展开］</translation>
    </message>
    <message>
        <source>Hint: {sentence}</source>
        <translation>提示：{sentence}</translation>
    </message>
    <message>
        <source>  … [the line goes on: Save Output… keeps all of it]</source>
        <translation>  …［这一行还没完：“保存输出…”会保留全部内容］</translation>
    </message>
    <message>
        <source>Variables</source>
        <translation>变量</translation>
    </message>
    <message>
        <source>Call stack</source>
        <translation>调用栈</translation>
    </message>
    <message>
        <source>&amp;Debug</source>
        <translation>调试(&amp;D)</translation>
    </message>
    <message>
        <source>Run with the debugger: pause at breakpoints (Ctrl+F5)</source>
        <translation>用调试器运行：在断点处暂停（Ctrl+F5）</translation>
    </message>
    <message>
        <source>&amp;Continue</source>
        <translation>继续(&amp;C)</translation>
    </message>
    <message>
        <source>Continue to the next breakpoint (F5)</source>
        <translation>继续运行到下一个断点（F5）</translation>
    </message>
    <message>
        <source>Step &amp;Over</source>
        <translation>单步跳过(&amp;O)</translation>
    </message>
    <message>
        <source>Run the current line, without going into functions (F10)</source>
        <translation>运行当前这一行，不进入函数内部（F10）</translation>
    </message>
    <message>
        <source>Step &amp;Into</source>
        <translation>单步进入(&amp;I)</translation>
    </message>
    <message>
        <source>Go into the function called on this line (F11)</source>
        <translation>进入这一行调用的函数（F11）</translation>
    </message>
    <message>
        <source>Step O&amp;ut</source>
        <translation>单步跳出(&amp;U)</translation>
    </message>
    <message>
        <source>Finish this function and stop in its caller (Shift+F11)</source>
        <translation>运行完这个函数，停在调用它的地方（Shift+F11）</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>暂停(&amp;P)</translation>
    </message>
    <message>
        <source>Pause the program where it is now, to look inside (F6)</source>
        <translation>让程序停在现在的位置，看看里面的情况（F6）</translation>
    </message>
    <message>
        <source>Toggle &amp;Breakpoint</source>
        <translation>设置/取消断点(&amp;B)</translation>
    </message>
    <message>
        <source>Pause on &amp;Uncaught Errors</source>
        <translation>在未捕获的错误处暂停(&amp;U)</translation>
    </message>
    <message>
        <source>While debugging, pause where an error is raised that nothing will catch, with its values still live</source>
        <translation>调试时，如果出现没有被捕获的错误，就停在出错的地方，变量的值都还在</translation>
    </message>
    <message>
        <source>{panel} pane</source>
        <translation>{panel}面板</translation>
    </message>
    <message>
        <source>{panel} Panel</source>
        <translation>{panel}面板</translation>
    </message>
    <message>
        <source>The values of the selected frame&apos;s variables; expand a row to look inside.</source>
        <translation>所选调用层中变量的值；展开一行可以看到里面的内容。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Local variables</source>
        <translation>局部变量</translation>
    </message>
    <message>
        <source>Global variables</source>
        <translation>全局变量</translation>
    </message>
    <message>
        <source>The functions that are running, innermost first; choose one to see its variables.</source>
        <translation>正在运行的函数，最里层的在最上面；选择一个可以查看它的变量。</translation>
    </message>
    <message>
        <source>main program</source>
        <translation>主程序</translation>
    </message>
    <message>
        <source>{function} — line {line}</source>
        <translation>{function} — 第 {line} 行</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Don&apos;t Save</source>
        <translation>不保存(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>取消(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>是(&amp;Y)</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>否(&amp;N)</translation>
    </message>
    <message>
        <source>Open files</source>
        <translation>打开的文件</translation>
    </message>
    <message>
        <source>Open a Python file</source>
        <translation>打开 Python 文件</translation>
    </message>
    <message>
        <source>These files have changes that are not saved:
{files}

Save them first?</source>
        <translation>这些文件有未保存的修改：
{files}

要先保存吗？</translation>
    </message>
    <message>
        <source>{file} (running)</source>
        <translation>{file}（正在运行）</translation>
    </message>
    <message>
        <source>Python files (*.py);;All files (*)</source>
        <translation>Python 文件 (*.py);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Cannot open file</source>
        <translation>无法打开文件</translation>
    </message>
    <message>
        <source>Sprout cannot open {file}:
{reason}</source>
        <translation>Sprout 无法打开 {file}：
{reason}</translation>
    </message>
    <message>
        <source>Cannot open example</source>
        <translation>无法打开示例</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>另存为</translation>
    </message>
    <message>
        <source>Could not save</source>
        <translation>无法保存</translation>
    </message>
    <message>
        <source>Sprout could not save {file}:
{reason}</source>
        <translation>Sprout 无法保存 {file}：
{reason}</translation>
    </message>
    <message>
        <source>Sprout could not save {file}:
{reason}

Your text is still here; try another folder.</source>
        <translation>Sprout 无法保存 {file}：
{reason}

你的代码还在这里；试试换一个文件夹。</translation>
    </message>
    <message>
        <source>Saved {file}</source>
        <translation>已保存 {file}</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>有未保存的修改</translation>
    </message>
    <message>
        <source>{file} has changes that are not saved. Save them first?</source>
        <translation>{file} 有还没保存的修改。要先保存吗？</translation>
    </message>
    <message>
        <source>Autosave failed: {reason}</source>
        <translation>自动保存失败：{reason}</translation>
    </message>
    <message>
        <source>an untitled file</source>
        <translation>一个未命名的文件</translation>
    </message>
    <message>
        <source>Sprout did not close properly last time.

Your unsaved changes to these files were kept:
{files}

Do you want them back?</source>
        <translation>Sprout 上次没有正常关闭。

你对这些文件做的未保存修改被保留了下来：
{files}

要恢复它们吗？</translation>
    </message>
    <message>
        <source>Recover unsaved work?</source>
        <translation>恢复未保存的内容？</translation>
    </message>
    <message>
        <source>Sprout did not close properly last time.

Your unsaved changes to {file} were kept. Do you want them back?</source>
        <translation>Sprout 上次没有正常关闭。

你对 {file} 做的未保存修改被保留了下来。要恢复它们吗？</translation>
    </message>
    <message>
        <source>Drawing tools</source>
        <translation>绘图工具</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>适合窗口</translation>
    </message>
    <message>
        <source>Show the whole turtle window</source>
        <translation>显示整个海龟画布</translation>
    </message>
    <message>
        <source>Zoom In</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Zoom in (Ctrl+wheel)</source>
        <translation>放大（Ctrl+滚轮）</translation>
    </message>
    <message>
        <source>Zoom Out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>Zoom out (Ctrl+wheel)</source>
        <translation>缩小（Ctrl+滚轮）</translation>
    </message>
    <message>
        <source>Save Image…</source>
        <translation>保存图片…</translation>
    </message>
    <message>
        <source>Save the drawing as a PNG picture or an SVG drawing</source>
        <translation>把图保存为 PNG 图片或 SVG 矢量图</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Clear the drawing (the next run clears it too)</source>
        <translation>清除绘图（下次运行时也会自动清除）</translation>
    </message>
    <message>
        <source>Save Drawing</source>
        <translation>保存绘图</translation>
    </message>
    <message>
        <source>PNG picture (*.png);;SVG drawing (*.svg)</source>
        <translation>PNG 图片 (*.png);;SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <source>The drawing could not be saved:
{reason}</source>
        <translation>无法保存绘图：
{reason}</translation>
    </message>
    <message>
        <source>cannot write {file}</source>
        <translation>无法写入 {file}</translation>
    </message>
    <message>
        <source>Drawing</source>
        <translation>绘图</translation>
    </message>
    <message>
        <source>Drawing pane</source>
        <translation>绘图面板</translation>
    </message>
    <message>
        <source>Shows what the program draws with turtle</source>
        <translation>显示程序用海龟画出的图</translation>
    </message>
    <message>
        <source>Drawing — {title}</source>
        <translation>绘图 — {title}</translation>
    </message>
    <message>
        <source>Drawing Panel</source>
        <translation>绘图面板</translation>
    </message>
    <message>
        <source>The turtle drawing of the running program; it receives key presses and clicks when the program listens for them</source>
        <translation>正在运行的程序的海龟绘图；程序在监听时，这里会接收按键和鼠标点击</translation>
    </message>
    <message>
        <source>Find:</source>
        <translation>查找：</translation>
    </message>
    <message>
        <source>Text to find</source>
        <translation>要查找的文字</translation>
    </message>
    <message>
        <source>text to find (Enter: next, Shift+Enter: previous)</source>
        <translation>要查找的文字（Enter：下一个，Shift+Enter：上一个）</translation>
    </message>
    <message>
        <source>Match case</source>
        <translation>区分大小写</translation>
    </message>
    <message>
        <source>Whole word</source>
        <translation>全字匹配</translation>
    </message>
    <message>
        <source>Regular expression</source>
        <translation>正则表达式</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>上一个</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一个</translation>
    </message>
    <message>
        <source>Replace:</source>
        <translation>替换为：</translation>
    </message>
    <message>
        <source>Replacement text</source>
        <translation>替换文字</translation>
    </message>
    <message>
        <source>replace with (Enter: replace and find the next)</source>
        <translation>替换成的文字（Enter：替换并查找下一个）</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>替换</translation>
    </message>
    <message>
        <source>Replace All</source>
        <translation>全部替换</translation>
    </message>
    <message>
        <source>invalid pattern: {reason}</source>
        <translation>表达式有误：{reason}</translation>
    </message>
    <message>
        <source>not found</source>
        <translation>没有找到</translation>
    </message>
    <message>
        <source>{current} of {count}</source>
        <translation>第 {current} 个，共 {count} 个</translation>
    </message>
    <message>
        <source>{count} found</source>
        <translation>找到 {count} 个</translation>
    </message>
    <message>
        <source>invalid replacement: {reason}</source>
        <translation>替换文字有误：{reason}</translation>
    </message>
    <message>
        <source>replaced {count}</source>
        <translation>已替换 {count} 个</translation>
    </message>
    <message>
        <source>Sprout hit an internal problem</source>
        <translation>Sprout 遇到了内部问题</translation>
    </message>
    <message>
        <source>Sprout hit an internal problem; your code is safe.

What you just did may not have worked. You can keep working; if it happens again, please report it with the details below.</source>
        <translation>Sprout 遇到了一个内部问题；你的代码是安全的。

你刚才的操作可能没有生效。你可以继续工作；如果问题再次出现，请连同下面的详细信息一起报告。</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>System Default ({language})</source>
        <translation>跟随系统（{language}）</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Sprout will speak {language} after it restarts. Restart now?</source>
        <translation>Sprout 重新启动后，界面语言将是：{language}。现在重启吗？</translation>
    </message>
    <message>
        <source>Go to &amp;Editor</source>
        <translation>转到编辑器(&amp;E)</translation>
    </message>
    <message>
        <source>Go to C&amp;onsole or Shell</source>
        <translation>转到控制台或交互窗口(&amp;O)</translation>
    </message>
    <message>
        <source>Go to &amp;Drawing</source>
        <translation>转到绘图(&amp;D)</translation>
    </message>
    <message>
        <source>Abandon run</source>
        <translation>放弃运行</translation>
    </message>
    <message>
        <source>Leave the stuck program behind and get a fresh engine</source>
        <translation>丢下卡住的程序，换一个新的引擎</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Close Tab</source>
        <translation>关闭标签页(&amp;C)</translation>
    </message>
    <message>
        <source>Next &amp;Tab</source>
        <translation>下一个标签页(&amp;T)</translation>
    </message>
    <message>
        <source>Previous T&amp;ab</source>
        <translation>上一个标签页(&amp;A)</translation>
    </message>
    <message>
        <source>Save O&amp;utput…</source>
        <translation>保存输出(&amp;U)…</translation>
    </message>
    <message>
        <source>Save everything the Console (or the Shell) has shown, to a text file</source>
        <translation>把控制台（或交互窗口）显示过的全部内容保存为文本文件</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>运行(&amp;R)</translation>
    </message>
    <message>
        <source>Run the program (F5)</source>
        <translation>运行程序（F5）</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>停止(&amp;T)</translation>
    </message>
    <message>
        <source>Stop the program (Shift+F5)</source>
        <translation>停止程序（Shift+F5）</translation>
    </message>
    <message>
        <source>&amp;Abandon Run</source>
        <translation>放弃运行(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>剪切(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>粘贴(&amp;P)</translation>
    </message>
    <message>
        <source>Toggle &amp;Comment</source>
        <translation>注释/取消注释(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <source>Find &amp;Next</source>
        <translation>查找下一个(&amp;N)</translation>
    </message>
    <message>
        <source>R&amp;eplace…</source>
        <translation>替换(&amp;E)…</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Reset Zoom</source>
        <translation>恢复原始大小(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Clear Console</source>
        <translation>清空控制台(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;About Sprout</source>
        <translation>关于 Sprout(&amp;A)</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>autosaved copies of your work</source>
        <translation>你的作品的自动保存副本</translation>
    </message>
    <message>
        <source>Sprout cannot keep your work safe here</source>
        <translation>Sprout 无法在这里妥善保存你的内容</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>High Contrast</source>
        <translation>高对比度</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>E&amp;xamples</source>
        <translation>示例(&amp;X)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>▶ Running {file}</source>
        <translation>▶ 正在运行 {file}</translation>
    </message>
    <message>
        <source>A program is running: wait for it, or Stop it, then try again.</source>
        <translation>有程序正在运行：等它结束，或者停止它，然后再试。</translation>
    </message>
    <message>
        <source>Fresh variables: the shell no longer sees your last program&apos;s.</source>
        <translation>变量已清空：交互窗口不再看到上一个程序的变量。</translation>
    </message>
    <message>
        <source>The shell now sees the variables of {file}.</source>
        <translation>交互窗口现在可以看到 {file} 的变量。</translation>
    </message>
    <message>
        <source>Sprout cleaned up after the program: {what}.</source>
        <translation>Sprout 在程序结束后做了清理：{what}。</translation>
    </message>
    <message>
        <source>✔ Finished in {seconds:.2f} s (exit code {code})</source>
        <translation>✔ 运行结束，用时 {seconds:.2f} 秒（退出码 {code}）</translation>
    </message>
    <message>
        <source>✔ Finished in {seconds:.2f} s</source>
        <translation>✔ 运行结束，用时 {seconds:.2f} 秒</translation>
    </message>
    <message>
        <source>■ Stopped after {seconds:.2f} s</source>
        <translation>■ 运行 {seconds:.2f} 秒后被停止</translation>
    </message>
    <message>
        <source>About Sprout</source>
        <translation>关于 Sprout</translation>
    </message>
    <message>
        <source>&lt;b&gt;Sprout&lt;/b&gt; — a Python IDE for learners.&lt;br&gt;Stop always works: press Shift+F5 whenever your program runs away.</source>
        <translation>&lt;b&gt;Sprout&lt;/b&gt; — 为初学者设计的 Python 编辑器。&lt;br&gt;停止按钮永远有效：程序失控时，随时按 Shift+F5。</translation>
    </message>
    <message>
        <source>Console</source>
        <translation>控制台</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>Shell</source>
        <translation>交互窗口</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>Start the Shell again from fresh variables</source>
        <translation>清空变量，重新开始交互窗口</translation>
    </message>
    <message>
        <source>Clear this tab</source>
        <translation>清空这个标签页</translation>
    </message>
    <message>
        <source>Save Output</source>
        <translation>保存输出</translation>
    </message>
    <message>
        <source>Text files (*.txt);;All files (*)</source>
        <translation>文本文件 (*.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Could not save the output to {path}: {error}</source>
        <translation>无法把输出保存到 {path}：{error}</translation>
    </message>
    <message>
        <source>Some output could not be kept ({error}): the saved file ends where keeping it stopped.</source>
        <translation>有些输出没能保留下来（{error}）：保存的文件在停止保留的地方结束。</translation>
    </message>
    <message>
        <source>Output saved to {path}</source>
        <translation>输出已保存到 {path}</translation>
    </message>
    <message>
        <source>the run was abandoned; it may still finish in the background</source>
        <translation>这次运行已被放弃；它可能仍会在后台结束</translation>
    </message>
    <message>
        <source>Type Python statements after &gt;&gt;&gt; and press Enter; they run in the variables of your last program.</source>
        <translation>在 &gt;&gt;&gt; 后面输入 Python 语句并按 Enter；它们会在你上一个程序的变量中运行。</translation>
    </message>
    <message>
        <source>Python {version} shell: statements run in the variables of your last program. Reset starts from fresh ones.</source>
        <translation>Python {version} 交互窗口：语句在你上一个程序的变量中运行。点“重置”可以从空白变量重新开始。</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>Stopped: time limit reached</source>
        <translation>已停止：到达时间限制</translation>
    </message>
    <message>
        <source>Stopped: too much output</source>
        <translation>已停止：输出太多</translation>
    </message>
    <message>
        <source>Stopped: the program used too much memory</source>
        <translation>已停止：程序用的内存太多</translation>
    </message>
    <message>
        <source>Paused on line {line} at a breakpoint</source>
        <translation>在第 {line} 行的断点处暂停</translation>
    </message>
    <message>
        <source>Paused on line {line} after a step</source>
        <translation>单步执行后停在第 {line} 行</translation>
    </message>
    <message>
        <source>Paused on line {line} where you paused it</source>
        <translation>按你的要求暂停在第 {line} 行</translation>
    </message>
    <message>
        <source>Paused on line {line} where an error was raised</source>
        <translation>在第 {line} 行出错的地方暂停</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>Running… {seconds:.1f} s — the drawing waits for keys, clicks or timers (close it or press Stop to end)</source>
        <translation>正在运行… {seconds:.1f} 秒 — 绘图正在等待按键、点击或计时器（关闭绘图或按“停止”来结束）</translation>
    </message>
    <message>
        <source>Running… {seconds:.1f} s</source>
        <translation>正在运行… {seconds:.1f} 秒</translation>
    </message>
    <message>
        <source>Waiting for your input… type in the Shell and press Enter ({seconds:.1f} s)</source>
        <translation>等待你的输入… 在交互窗口里输入后按 Enter（{seconds:.1f} 秒）</translation>
    </message>
    <message>
        <source>Waiting for your input… type in the console and press Enter ({seconds:.1f} s)</source>
        <translation>等待你的输入… 在控制台里输入后按 Enter（{seconds:.1f} 秒）</translation>
    </message>
    <message>
        <source>Paused on line {line}</source>
        <translation>暂停在第 {line} 行</translation>
    </message>
    <message>
        <source> — F10 step over, F11 step into, F5 continue</source>
        <translation> — F10 单步跳过，F11 单步进入，F5 继续</translation>
    </message>
    <message>
        <source>Stopping… ({seconds:.1f} s)</source>
        <translation>正在停止…（{seconds:.1f} 秒）</translation>
    </message>
    <message>
        <source>The program is busy inside a long built-in call and has not stopped yet. You can abandon it.</source>
        <translation>程序正忙于一个耗时很长的内置调用，还没有停下来。你可以放弃这次运行。</translation>
    </message>
    <message>
        <source>Finished in {seconds:.2f} s</source>
        <translation>运行结束，用时 {seconds:.2f} 秒</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>运行结束</translation>
    </message>
    <message>
        <source>Error: {error} on line {line}</source>
        <translation>错误：第 {line} 行出现 {error}</translation>
    </message>
    <message>
        <source>Error: {error}</source>
        <translation>错误：{error}</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>The program is running</source>
        <translation>程序正在运行</translation>
    </message>
    <message>
        <source>The program is waiting for your input in the Shell</source>
        <translation>程序正在交互窗口里等你输入</translation>
    </message>
    <message>
        <source>The program is waiting for your input in the console</source>
        <translation>程序正在控制台里等你输入</translation>
    </message>
    <message>
        <source>Run status</source>
        <translation>运行状态</translation>
    </message>
    <message>
        <source>Cursor position</source>
        <translation>光标位置</translation>
    </message>
    <message>
        <source>Line {line}, Column {column}</source>
        <translation>第 {line} 行，第 {column} 列</translation>
    </message>
    <message>
        <source>Code editor</source>
        <translation>代码编辑器</translation>
    </message>
    <message>
        <source>Your program. F5 runs it, Shift+F5 stops it, F9 sets a breakpoint on the current line; Ctrl+Tab moves to the next pane.</source>
        <translation>你的程序。F5 运行，Shift+F5 停止，F9 在当前行设置断点；Ctrl+Tab 切换到下一个面板。</translation>
    </message>
    <message>
        <source>Next Pane</source>
        <translation>下一个面板</translation>
    </message>
    <message>
        <source>Previous Pane</source>
        <translation>上一个面板</translation>
    </message>
    <message>
        <source>your settings</source>
        <translation>你的设置</translation>
    </message>
    <message>
        <source>the file cannot be written</source>
        <translation>无法写入这个文件</translation>
    </message>
    <message>
        <source>Sprout cannot keep {what} in {where}: {reason}.</source>
        <translation>Sprout 无法把{what}保存在 {where}：{reason}。</translation>
    </message>
    <message>
        <source>Sprout still works, but what it cannot keep is lost when it closes, and unsaved text cannot be recovered after a crash. Save your programs often, in a folder you can write to.</source>
        <translation>Sprout 仍然可以使用，但无法保存的内容会在关闭时丢失，崩溃后也无法找回未保存的文字。请经常保存你的程序，并保存到你有权限写入的文件夹里。</translation>
    </message>
    <message>
        <source>{name} is part of Sprout itself ({owner}): a second copy would not be the one Sprout uses, so it cannot be installed from here.</source>
        <translation>{name} 是 Sprout 自身的一部分（{owner}）：再装一份也不会是 Sprout 使用的那一份，所以不能在这里安装。</translation>
    </message>
    <message>
        <source>There is no package called {name} on PyPI.</source>
        <translation>PyPI 上没有叫 {name} 的包。</translation>
    </message>
    <message>
        <source>PyPI answered with an error ({code}). Try again later.</source>
        <translation>PyPI 返回了错误（{code}）。请稍后再试。</translation>
    </message>
    <message>
        <source>Cannot reach PyPI ({reason}). Is this computer online? A school network may need a proxy.</source>
        <translation>无法连接 PyPI（{reason}）。这台电脑联网了吗？学校的网络可能需要代理。</translation>
    </message>
    <message>
        <source>PyPI&apos;s answer could not be read. Try again later.</source>
        <translation>无法读取 PyPI 的回答。请稍后再试。</translation>
    </message>
    <message>
        <source>Installed {names}.</source>
        <translation>已安装 {names}。</translation>
    </message>
    <message>
        <source>Installing {names} did not work: see the messages above.</source>
        <translation>安装 {names} 没有成功：请看上面的信息。</translation>
    </message>
    <message>
        <source>Installed what {file} lists.</source>
        <translation>已安装 {file} 列出的包。</translation>
    </message>
    <message>
        <source>Installing what {file} lists did not work: see the messages above.</source>
        <translation>安装 {file} 列出的包没有成功：请看上面的信息。</translation>
    </message>
    <message>
        <source>This standalone Sprout cannot install packages (it has no pip). An administrator can preinstall them for every user: see Sprout&apos;s deployment guide.</source>
        <translation>这个独立版的 Sprout 不能安装包（它没有 pip）。管理员可以为所有用户预先安装：请看 Sprout 的部署说明。</translation>
    </message>
    <message>
        <source>pip could not be started: {reason}</source>
        <translation>无法启动 pip：{reason}</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>Manage &amp;Packages…</source>
        <translation>管理包(&amp;P)…</translation>
    </message>
    <message>
        <source>Find, install and remove packages your programs can import</source>
        <translation>查找、安装和删除你的程序可以导入的包</translation>
    </message>
    <message>
        <source>Install {name}…</source>
        <translation>安装 {name}…</translation>
    </message>
    <message>
        <source>Open Tools &gt; Manage Packages with {name} looked up</source>
        <translation>打开“工具 &gt; 管理包”并查找 {name}</translation>
    </message>
    <message>
        <source>Manage Packages</source>
        <translation>管理包</translation>
    </message>
    <message>
        <source>Package name, for example numpy</source>
        <translation>包的名字，例如 numpy</translation>
    </message>
    <message>
        <source>Package name</source>
        <translation>包的名字</translation>
    </message>
    <message>
        <source>&amp;Find on PyPI</source>
        <translation>在 PyPI 上查找(&amp;F)</translation>
    </message>
    <message>
        <source>Installed packages</source>
        <translation>已安装的包</translation>
    </message>
    <message>
        <source>Type a package&apos;s name and press Find, or pick an installed package.</source>
        <translation>输入包的名字再按“查找”，或者选择一个已安装的包。</translation>
    </message>
    <message>
        <source>&amp;Install</source>
        <translation>安装(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Upgrade</source>
        <translation>升级(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>删除(&amp;R)</translation>
    </message>
    <message>
        <source>Install from &amp;requirements.txt…</source>
        <translation>从 requirements.txt 安装(&amp;R)…</translation>
    </message>
    <message>
        <source>Installed for your programs:</source>
        <translation>已为你的程序安装：</translation>
    </message>
    <message>
        <source>Messages from pip</source>
        <translation>pip 的信息</translation>
    </message>
    <message>
        <source>Packages are installed in {folder}. Sprout&apos;s own Python is not changed.</source>
        <translation>包会安装在 {folder}。Sprout 自己使用的 Python 不会被改动。</translation>
    </message>
    <message>
        <source>Looking up {name} on PyPI…</source>
        <translation>正在 PyPI 上查找 {name}…</translation>
    </message>
    <message>
        <source>Installed: {version}</source>
        <translation>已安装：{version}</translation>
    </message>
    <message>
        <source>Install from requirements.txt</source>
        <translation>从 requirements.txt 安装</translation>
    </message>
    <message>
        <source>Requirements (*.txt);;All files (*)</source>
        <translation>依赖列表 (*.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Cannot read {file}: {reason}</source>
        <translation>无法读取 {file}：{reason}</translation>
    </message>
    <message>
        <source>Removed {name}.</source>
        <translation>已删除 {name}。</translation>
    </message>
    <message>
        <source>{name} is not installed here.</source>
        <translation>{name} 没有安装在这里。</translation>
    </message>
    <message>
        <source>Working… (Cancel stops it)</source>
        <translation>正在处理…（按“取消”可以停止）</translation>
    </message>
    <message>
        <source>Older output trimmed</source>
        <translation>较早的输出已裁掉</translation>
    </message>
    <message>
        <source>Older output trimmed: the console keeps the last {lines:,} lines. &lt;a href=&quot;save&quot; style=&quot;color: {link};&quot;&gt;Save Output…&lt;/a&gt; keeps all of it.</source>
        <translation>较早的输出已裁掉：控制台只保留最后 {lines:,} 行。&lt;a href=&quot;save&quot; style=&quot;color: {link};&quot;&gt;保存输出…&lt;/a&gt;会保留全部内容。</translation>
    </message>
    <message>
        <source>Sprout could not keep all the output ({error}). &lt;a href=&quot;save&quot; style=&quot;color: {link};&quot;&gt;Save Output…&lt;/a&gt; writes what it kept.</source>
        <translation>Sprout 没能保留全部输出（{error}）。&lt;a href=&quot;save&quot; style=&quot;color: {link};&quot;&gt;保存输出…&lt;/a&gt;会写出已经保留的部分。</translation>
    </message>
    <message>
        <source>Auto-close &amp;Brackets and Quotes</source>
        <translation>自动补全括号和引号(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Word Wrap</source>
        <translation>自动换行(&amp;W)</translation>
    </message>
    <message>
        <source>Indentation &amp;Guides</source>
        <translation>缩进参考线(&amp;G)</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>重新载入</translation>
    </message>
    <message>
        <source>Keep Mine</source>
        <translation>保留我的版本</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>File changed on disk</source>
        <translation>磁盘上的文件有变化</translation>
    </message>
    <message>
        <source>{file} was deleted or moved away. Your text is still here: save it to keep it.</source>
        <translation>{file} 已被删除或移走。你的代码还在这里：保存一下就能留住它。</translation>
    </message>
    <message>
        <source>{file} changed on disk and was reloaded</source>
        <translation>{file} 在磁盘上有变化，已重新载入</translation>
    </message>
    <message>
        <source>{file} was changed by another program. Reload it and lose your unsaved changes, or keep your version?</source>
        <translation>{file} 被别的程序修改了。要重新载入它（会丢掉你没保存的修改），还是保留你的版本？</translation>
    </message>
    <message>
        <source>&amp;Fold</source>
        <translation>折叠(&amp;F)</translation>
    </message>
    <message>
        <source>U&amp;nfold</source>
        <translation>展开(&amp;N)</translation>
    </message>
    <message>
        <source>Unfold &amp;All</source>
        <translation>全部展开(&amp;A)</translation>
    </message>
    <message>
        <source>The coding line names an encoding Python does not know. Correct it (for example to utf-8), then save again.</source>
        <translation>编码声明行写的编码 Python 不认识。请改正它（例如改成 utf-8），然后再保存。</translation>
    </message>
    <message>
        <source>The file declares the encoding {encoding}, which cannot hold the character {character} on line {line}. Remove the character, or change the coding line to utf-8, then save again.</source>
        <translation>文件声明的编码是 {encoding}，它装不下第 {line} 行的字符 {character}。请删掉这个字符，或把编码声明行改成 utf-8，然后再保存。</translation>
    </message>
    <message>
        <source>Plots tools</source>
        <translation>绘图工具栏</translation>
    </message>
    <message>
        <source>Previous figure</source>
        <translation>上一张图</translation>
    </message>
    <message>
        <source>Which figure</source>
        <translation>当前是哪张图</translation>
    </message>
    <message>
        <source>Next figure</source>
        <translation>下一张图</translation>
    </message>
    <message>
        <source>Fit the figure to the pane</source>
        <translation>让图适合面板大小</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>保存…</translation>
    </message>
    <message>
        <source>Save the figure as PNG, SVG or PDF, at its own size and resolution</source>
        <translation>把图保存为 PNG、SVG 或 PDF，按图本身的大小和分辨率</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy the figure to the clipboard</source>
        <translation>把图复制到剪贴板</translation>
    </message>
    <message>
        <source>Remove the figures from the pane (the next run clears it too)</source>
        <translation>从面板中移除这些图（下次运行也会清空它）</translation>
    </message>
    <message>
        <source>{index} / {count}</source>
        <translation>{index} / {count}</translation>
    </message>
    <message>
        <source>No figures</source>
        <translation>没有图</translation>
    </message>
    <message>
        <source>Plots</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>Plots pane</source>
        <translation>图表面板</translation>
    </message>
    <message>
        <source>Shows the figures the program draws with matplotlib</source>
        <translation>显示程序用 matplotlib 画的图</translation>
    </message>
    <message>
        <source>Plots Panel</source>
        <translation>图表面板</translation>
    </message>
    <message>
        <source>Save Figure</source>
        <translation>保存图</translation>
    </message>
    <message>
        <source>PNG picture (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)</source>
        <translation>PNG 图片 (*.png);;SVG 矢量图 (*.svg);;PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>The figure could not be saved:
{reason}</source>
        <translation>无法保存这张图：
{reason}</translation>
    </message>
    <message>
        <source>the program is drawing this figure just now: pause or stop it, then save again</source>
        <translation>程序正在画这张图：请先暂停或停止程序，然后再保存</translation>
    </message>
    <message>
        <source>this figure&apos;s program is gone; only its picture can be saved, as PNG</source>
        <translation>画这张图的程序已经不在了；只能把它的画面保存为 PNG</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>图</translation>
    </message>
    <message>
        <source>The figure shown; Left and Right go to the previous and next one</source>
        <translation>当前显示的图；按左、右方向键切换到上一张和下一张</translation>
    </message>
    <message>
        <source>Figures of this run</source>
        <translation>本次运行的图</translation>
    </message>
    <message>
        <source>Figure {number}</source>
        <translation>图 {number}</translation>
    </message>
    <message>
        <source>Plotter</source>
        <translation>数据绘图器</translation>
    </message>
    <message>
        <source>Lines of numbers the program prints, drawn as lines, one per column</source>
        <translation>把程序打印的一行行数字画成折线，每一列一条</translation>
    </message>
    <message>
        <source>Print numbers to plot them, e.g. print(x, y)</source>
        <translation>打印数字就能画出来，例如 print(x, y)</translation>
    </message>
    <message>
        <source>Plotter pane</source>
        <translation>数据绘图器面板</translation>
    </message>
    <message>
        <source>module</source>
        <translation>模块</translation>
    </message>
    <message>
        <source>class</source>
        <translation>类</translation>
    </message>
    <message>
        <source>function</source>
        <translation>函数</translation>
    </message>
    <message>
        <source>value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>variable</source>
        <translation>变量</translation>
    </message>
    <message>
        <source>keyword</source>
        <translation>关键字</translation>
    </message>
    <message>
        <source>parameter</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>property</source>
        <translation>属性</translation>
    </message>
    <message>
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Suggestions</source>
        <translation>补全建议</translation>
    </message>
    <message>
        <source>Documentation of the suggestion</source>
        <translation>建议的说明</translation>
    </message>
    <message>
        <source>No documentation.</source>
        <translation>没有说明。</translation>
    </message>
    <message>
        <source>Parameters of the call</source>
        <translation>调用的参数</translation>
    </message>
</context>
</TS>
