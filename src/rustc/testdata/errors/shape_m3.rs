union U x
