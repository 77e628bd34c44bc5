"""Counter-trafficking e-learning: content model, Markdown extensions and MkDocs glue.

- domain/: audiences, modules, courses, quizzes... in plain Python (no MkDocs).
- markdown/: Python-Markdown extensions for the authoring syntax (audience passages, ...).
- site/: the MkDocs side: generated pages, navigation, search and offline fixes.

Data flows one way: load -> validate -> assemble -> render.
"""
