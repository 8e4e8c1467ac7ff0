"""thidua — sổ đăng ký phong trào thi đua Công đoàn."""

__version__ = "0.1.0"
