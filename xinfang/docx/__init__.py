"""The OOXML layer: everything that knows how a .docx file is built."""
