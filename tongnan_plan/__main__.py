"""``python -m tongnan_plan``: the tnplan command line."""

from .cli import main

main()
