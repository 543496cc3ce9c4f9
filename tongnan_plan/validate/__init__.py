"""Checks of data submissions against the plan: documents in, located diagnostics out.

Nothing here opens a file: sources/ reads them and hands the documents over.
"""
