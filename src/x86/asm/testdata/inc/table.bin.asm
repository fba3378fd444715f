; data included with a path relative to the main file's directory
lookup: db 1, 2, 4, 8, 16, 32, 64, 128
