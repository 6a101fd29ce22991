"""sourcebound: a folder of news documents -> a bounded, cited, neutral static site."""

__version__ = "0.1.0"
