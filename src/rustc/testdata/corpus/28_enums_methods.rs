#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[repr(u8)]
enum Dir { North = b'N', East = b'E', South = b'S', West = b'W' }
impl Dir {
    fn turn(self) -> Dir {
        match self { Dir::North => Dir::East, Dir::East => Dir::South, Dir::South => Dir::West, Dir::West => Dir::North }
    }
    fn all() -> [Dir; 4] { [Dir::North, Dir::East, Dir::South, Dir::West] }
}
enum Tree<T> { Leaf(T), Node(Box<Tree<T>>, Box<Tree<T>>) }
