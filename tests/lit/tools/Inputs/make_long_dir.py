"""Creates a directory whose path is `length` characters long (below
PATH_MAX, so it exists, but with no room for a file name in it) and prints it."""
import os
import sys

path, length = sys.argv[1], int(sys.argv[2])
while len(path) + 201 < length - 10:
    path = os.path.join(path, "d" * 200)
path = os.path.join(path, "e" * (length - len(path) - 1))
os.makedirs(path)
print(path)
