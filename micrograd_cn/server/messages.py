"""The classroom's zh/en messages (moves into the i18n catalog with the restructure).

Imports: i18n.
"""

from __future__ import annotations

from micrograd_cn.i18n import get_lang

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
    "classroom_page_no_token": ("缺少教师令牌：请从启动时打印的地址打开本页", "No teacher token: open this page from the address printed at start-up"),
    "classroom_page_login_title": ("教师登录", "Teacher sign-in"),
    "classroom_page_token_label": ("教师令牌（启动时打印）", "Teacher token (printed at start-up)"),
    "classroom_page_login": ("进入", "Enter"),
    "classroom_page_bad_token": ("令牌不对", "Wrong token"),
}


def t(key: str, lang: str | None = None, **fields: object) -> str:
    zh, en = MESSAGES[key]
    text = en if (lang or get_lang()) == "en" else zh
    return text.format(**fields) if fields else text
