"""lagebild: one attributed picture from many copies of the news."""

__version__ = "0.1.0"
PIPELINE_VERSION = f"lagebild-{__version__}"
