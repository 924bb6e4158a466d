"""Position pictures: a 2-D side-view figure, the equipment around it, and their SVG.

`body` holds the figure (segments, joints, anatomical limits, forward and inverse kinematics),
`kit` the equipment shapes, `library` the named base poses, `spec` reads the `[poses]` table of a
catalog file, `scene` places a pose and its equipment in the world, `check` says what looks
wrong, and `svg` draws a pair of scenes. Pure Python, no I/O.
"""
