"""Everything that turns teaching data into an output format.

Documents as text, Markdown, LaTeX or HTML; Graphviz pictures; terminals; writing files.
Imports: i18n, the library and teach.
"""
