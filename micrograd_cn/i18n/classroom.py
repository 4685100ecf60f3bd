"""Catalog part: the classroom server, its pages and its commands (``classroom``, ``forget``, ``report``).

Imports: nothing.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "classroom_db_failed": (
        "课堂数据库 {path} 无法写入：{detail}",
        "the classroom database {path} cannot be written: {detail}",
    ),
    "classroom_db_version": (
        "课堂数据库 {path} 的格式版本是 {found}，本程序使用版本 {expected}；请换一个 --db 文件",
        "the classroom database {path} has schema version {found}, this program uses {expected}; "
        "choose another --db file",
    ),
    "classroom_db_other_lesson": (
        "课堂数据库 {path} 中的课堂 {session} 用的是另一份课件（第 {page} 页不同）；请用 --session 取一个新名字",
        "the class {session} in {path} was run with another lesson (page {page} differs); "
        "choose a new name with --session",
    ),
    "classroom_db_missing": (
        "没有找到课堂数据库 {path}",
        "the classroom database {path} does not exist",
    ),
    "classroom_no_session": (
        "课堂数据库 {path} 中没有名为 {session} 的课堂",
        "the classroom database {path} holds no class named {session}",
    ),
    "classroom_too_large": (
        "请求体太大（上限 {limit} 字节）",
        "the request body is too large (at most {limit} bytes)",
    ),
    "classroom_bad_json": (
        "请求体必须是一个 JSON 对象",
        "the request body must be a JSON object",
    ),
    "classroom_name_type": (
        "name 必须是字符串",
        "name must be a string",
    ),
    "classroom_name_empty": (
        "请填写显示的名字（不含控制字符）",
        "enter a display name (no control characters)",
    ),
    "classroom_name_long": (
        "名字太长（最多 {limit} 个字符）",
        "the name is too long (at most {limit} characters)",
    ),
    "classroom_full": (
        "这个课堂已满（最多 {limit} 名学生）",
        "this class is full (at most {limit} students)",
    ),
    "classroom_not_joined": (
        "请先加入课堂（缺少有效的学生 cookie）",
        "join the class first (no valid student cookie)",
    ),
    "classroom_page_type": (
        "page 必须是整数页码",
        "page must be a whole page number",
    ),
    "classroom_answer_type": (
        "answer 必须是字符串",
        "answer must be a string",
    ),
    "classroom_answer_long": (
        "答案太长（最多 {limit} 个字符）",
        "the answer is too long (at most {limit} characters)",
    ),
    "classroom_answer_unreadable": (
        "读不懂这个答案：请写一个数或数的算式",
        "this answer cannot be read: write a number or arithmetic of numbers",
    ),
    "classroom_not_open": (
        "第 {page} 页的问题现在没有开放作答",
        "the question of page {page} is not open",
    ),
    "classroom_too_many": (
        "提交太频繁（每分钟最多 {limit} 次）",
        "too many answers (at most {limit} per minute)",
    ),
    "classroom_teacher_only": (
        "只有教师可以这样做（需要 Authorization: Bearer 令牌）",
        "only the teacher may do this (Authorization: Bearer token needed)",
    ),
    "classroom_bad_page": (
        "页码必须是 1 到 {pages} 之间的整数",
        "the page must be a whole number from 1 to {pages}",
    ),
    "classroom_no_question": (
        "第 {page} 页没有问题",
        "page {page} has no question",
    ),
    "classroom_already_revealed": (
        "第 {page} 页的答案已经公布，不能再开放作答",
        "the answer of page {page} is revealed; the question cannot open again",
    ),
    "classroom_not_found": (
        "没有这个地址",
        "no such address",
    ),
    "classroom_bad_method": (
        "这个地址不接受这种请求方法",
        "this address does not accept this method",
    ),
    "classroom_dot_missing": (
        "找不到 Graphviz 的 dot 程序，无法画出问题的计算图。请安装 Graphviz：sudo apt-get install graphviz",
        "Graphviz's dot program was not found, so the question's graph cannot be drawn. "
        "Install Graphviz: sudo apt-get install graphviz",
    ),
    # --- the student's page ---
    "classroom_page_join_title": ("加入课堂", "Join the class"),
    "classroom_page_name_label": ("显示的名字", "Display name"),
    "classroom_page_join": ("加入", "Join"),
    "classroom_page_wait": ("请等待下一个问题", "Wait for the next question"),
    "classroom_page_closed": ("问题还没有开放作答，请先想一想", "The question is not open yet: think it over"),
    "classroom_page_answer_label": ("你的答案（一个数或数的算式）", "Your answer (a number or arithmetic of numbers)"),
    "classroom_page_send": ("提交", "Send"),
    "classroom_page_received": ("已收到：{answer}", "Received: {answer}"),
    "classroom_page_right": ("✓ 正确", "✓ Right"),
    "classroom_page_wrong": ("✗ 不对", "✗ Wrong"),
    "classroom_page_the_answer": ("答案：{answer}", "The answer: {answer}"),
    "classroom_page_yours": ("你的答案：{answer}", "yours: {answer}"),
    "classroom_page_no_answer": ("你没有作答", "You did not answer"),
    "classroom_page_reconnecting": ("正在重新连接…", "Reconnecting…"),
    "classroom_page_rejoin": ("请重新加入课堂", "Please join the class again"),
    "classroom_page_failed": ("出错了：{error}", "Failed: {error}"),
    # --- the teacher's panel and login ---
    "classroom_page_joined": ("已加入 {n}", "{n} joined"),
    "classroom_page_answered": ("已作答 {n}", "{n} answered"),
    "classroom_page_right_share": ("正确 {percent}%", "{percent}% right"),
    "classroom_page_open": ("开放作答", "Open"),
    "classroom_page_close": ("停止作答", "Close"),
    "classroom_page_reveal": ("公布答案", "Reveal"),
    "classroom_page_prev": ("◀ 上一页", "◀ Previous"),
    "classroom_page_next": ("下一页 ▶", "Next ▶"),
    "classroom_page_is_open": ("作答中", "open"),
    "classroom_page_is_closed": ("未开放", "closed"),
    "classroom_page_is_revealed": ("已公布", "revealed"),
    "classroom_page_no_token": ("缺少教师令牌：请从启动时打印的地址打开本页",
                                "No teacher token: open this page from the address printed at start-up"),
    "classroom_page_login_title": ("教师登录", "Teacher sign-in"),
    "classroom_page_token_label": ("教师令牌（启动时打印）", "Teacher token (printed at start-up)"),
    "classroom_page_login": ("进入", "Enter"),
    "classroom_page_bad_token": ("令牌不对", "Wrong token"),
    # --- running the server ---
    "classroom_cannot_listen": (
        "无法在 {host}:{port} 上监听：{detail}（换一个 --port？）",
        "cannot listen on {host}:{port}: {detail} (another --port?)",
    ),
    "classroom_token_file": (
        "无法写入教师令牌文件 {path}：{detail}",
        "cannot write the teacher's token file {path}: {detail}",
    ),
    # --- after class: the report ---
    "classroom_report_title": ("课堂报告", "Class report"),
    "classroom_report_empty": ("数据库里还没有问题", "the database holds no question yet"),
    "classroom_report_session": ("课堂", "class"),
    "classroom_report_page": ("页", "page"),
    "classroom_report_question": ("问题", "question"),
    "classroom_report_answer": ("答案", "answer"),
    "classroom_report_n": ("作答人数", "answered"),
    "classroom_report_right": ("正确率", "right"),
    "classroom_report_wrong": ("最常见的错误答案（人数）", "most common wrong answers (count)"),
    "classroom_report_meaning": ("可能的原因", "what it probably means"),
    "classroom_report_times": ("{value}（{count} 人）", "{value} ({count}×)"),
    "classroom_report_unknown": (
        "“?” 表示没有哪个已知的错误会得出这个数",
        "“?” means no known mistake gives that number",
    ),
    # --- the command ---
    "cli_classroom_help": (
        "课堂服务器：学生用手机回答课件中的问题，教师看到全班的答案分布",
        "classroom server: students answer the deck's questions on their phones, the teacher sees the room",
    ),
    "cli_classroom_lesson_help": (
        "课件文件（TOML；省略则用内置课件），或 forget / report",
        "the lesson file (TOML; the built-in lesson if left out), or forget / report",
    ),
    "cli_classroom_port_help": ("端口（默认 8000；0 表示任选一个空闲端口）", "port (default 8000; 0 picks a free one)"),
    "cli_classroom_db_help": (
        "SQLite 数据库文件（默认 classroom.sqlite）",
        "the SQLite database (default classroom.sqlite)",
    ),
    "cli_classroom_lan_help": (
        "在所有网络接口上监听，让同一局域网的学生连接（默认只在本机 127.0.0.1）",
        "listen on all interfaces so students on the local network can connect (default: 127.0.0.1 only)",
    ),
    "cli_classroom_token_help": (
        "把教师令牌写入这个文件（权限 0600）",
        "write the teacher's token to this file (mode 0600)",
    ),
    "cli_classroom_session_help": (
        "课堂的名字，同一数据库中的各个课堂互不相干（默认今天的日期）",
        "the class's name; classes in one database stay apart (default: today's date)",
    ),
    "cli_classroom_projector_help": ("投影仪模式的课件", "the deck in projector mode"),
    "cli_classroom_format_help": (
        "report 的格式：md（默认）、csv 或 json",
        "report's format: md (default), csv or json",
    ),
    "cli_classroom_output_help": ("把报告写入文件", "write the report to a file"),
    "cli_classroom_bad_port": (
        "端口必须是 0 到 65535 的整数，收到 {value}",
        "the port must be a whole number from 0 to 65535, got {value}",
    ),
    "cli_classroom_bad_session": (
        "课堂名字必须是 1 到 {limit} 个可打印字符",
        "the class name must be 1 to {limit} printable characters",
    ),
    "cli_classroom_not_here": ("{option} 不能用于 {action}", "{option} does not apply to {action}"),
    "cli_classroom_needs_db": ("classroom {action} 需要 --db 文件", "classroom {action} needs --db FILE"),
    "cli_classroom_forgot": (
        "已从 {path} 删除 {students} 名学生的名字和 {answers} 个答案",
        "deleted {students} students' names and {answers} answers from {path}",
    ),
    "cli_classroom_missing_extra": (
        "课堂服务器需要 classroom 扩展（缺少 {names}）：pip install 'micrograd-cn[classroom]'",
        "the classroom server needs the classroom extra (missing {names}): pip install 'micrograd-cn[classroom]'",
    ),
    "cli_classroom_started": (
        "课堂 {session}：{title}，{pages} 页，{questions} 个问题；答案存入 {db}",
        "class {session}: {title}, {pages} pages, {questions} questions; answers go to {db}",
    ),
    "cli_classroom_students": ("学生打开：{url}", "students open: {url}"),
    "cli_classroom_teacher": ("教师打开：{url}", "the teacher opens: {url}"),
    "cli_classroom_token": ("教师令牌：{token}", "teacher token: {token}"),
    "cli_classroom_token_written": ("令牌已写入 {path}（权限 0600）", "token written to {path} (mode 0600)"),
    "cli_classroom_lan_warning": (
        "警告：--lan 让同一网络中的任何人都能打开本服务器；"
        "这里没有 HTTPS，令牌和答案以明文传输。只在可信的课堂网络中使用",
        "warning: --lan lets anyone on this network reach the server; there is no HTTPS, so the token and "
        "the answers travel in plain text. Use it on a trusted classroom network only",
    ),
    "cli_classroom_stop": ("按 Ctrl-C 结束", "press Ctrl-C to stop"),
}
