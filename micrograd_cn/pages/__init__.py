"""Self-contained HTML pages: the step page, the quiz, the layer view, exercise sheets.

Their JavaScript and CSS are real files in ``assets/``, inlined when a page is written.
Imports: i18n, the library, teach and render.
"""
