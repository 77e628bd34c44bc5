"""The MkDocs side: generated pages, navigation, i18n wiring, search and offline fixes."""
