"""Catalog part: the stage every step page shares (tool buttons, the keys' table, the legend).

Each entry is key -> (Chinese, English); ``i18n.t`` reads them all."""

MESSAGES: dict[str, tuple[str, str]] = {
    # the tool buttons of the bar (label, then what it does as its tooltip)
    "stage_whole": ("全图", "Whole"),
    "stage_whole_tip": ("显示整张图；再按一次跟随当前步（键 0）",
                        "show the whole graph; again to follow the step (key 0)"),
    "stage_locals": ("局部导数", "Local ∂"),
    "stage_locals_tip": ("在每条边上写出局部导数：公式和数值（键 L）",
                         "write each edge's local derivative on it: formula and number (key L)"),
    "stage_blank": ("黑屏", "Blank"),
    "stage_blank_tip": ("黑屏，让学生自己算（键 B，再按一次回来）",
                        "blank the screen so students compute (key B, again to come back)"),
    "stage_full": ("全屏", "Full"),
    "stage_full_tip": ("全屏（键 F）", "full screen (key F)"),
    "stage_keys": ("按键", "Keys"),
    "stage_keys_tip": ("所有按键（键 ?）", "all keys (key ?)"),
    # the keys' table (?)
    "stage_keys_title": ("按键（字母大小写均可）", "Keys (letters in either case)"),
    "stage_key_next": ("下一步", "next step"),
    "stage_key_prev": ("上一步", "previous step"),
    "stage_key_first": ("第 0 步", "step 0"),
    "stage_key_last": ("最后一步", "the last step"),
    "stage_key_whole": ("整张图 / 跟随当前步", "the whole graph / follow the step"),
    "stage_key_locals": ("在边上显示 / 隐藏局部导数", "show / hide the local derivatives on the edges"),
    "stage_key_blank": ("黑屏（再按一次回来）", "blank the screen (again to come back)"),
    "stage_key_full": ("全屏", "full screen"),
    "stage_key_help": ("显示 / 隐藏这张按键表", "show / hide this table of keys"),
    "stage_key_escape": ("关闭黑屏和按键表；离开答案框", "close the blank screen and this table; leave the answer box"),
    # the step page's colour key and its op mark
    "page_key_op": ("这一步的运算", "the operation of this step"),
    # an edge's local derivative written on it (L): ∂(x·w)/∂w = x = 2
    "page_local": ("{d} = {formula}", "{d} = {formula}"),  # d: naming.local_derivative
}
