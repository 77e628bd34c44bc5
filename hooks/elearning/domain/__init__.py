"""The content model. Nothing here imports MkDocs."""
