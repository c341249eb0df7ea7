"""`python -m transcriptkit`: the same command line as the `transcriptkit` script."""

from .cli import app

app(prog_name="transcriptkit")
