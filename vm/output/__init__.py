"""The script's standard streams and how what it prints reaches the host.
"""
