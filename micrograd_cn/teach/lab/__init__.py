"""The lab: students write their own micrograd task by task, and a grader says what is right.

tasks (the six tasks and their seeded cases), probe (the check process, run as a script),
runner (one process per task with limits; grading a class), report (messages and JSON),
skeleton (the files of a new lab). Imports: i18n, the library and the standard library.
"""
