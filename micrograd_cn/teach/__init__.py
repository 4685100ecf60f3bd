"""Teaching data: plain data and documents, no output format.

Naming, the frozen snapshot of a graph, expressions, paths, traces, quizzes, exercises and the
logistic-neuron and BP1–BP4 reports. Imports: i18n and the library only.
"""
