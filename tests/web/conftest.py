"""The UI fixtures (a headless App with its own data folder) for the phones' tests."""

from tests.ui.conftest import data_dir, make_app  # noqa: F401
