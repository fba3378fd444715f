Point<T> { x: T }
