use core::fmt::Debug;
use core::marker::PhantomData;

pub struct Wrapper<T: Clone + Debug, const N: usize = 4> {
    items: [T; N],
    marker: PhantomData<*const T>,
}

impl<T, const N: usize> Wrapper<T, N>
where
    T: Clone + Debug + Default,
{
    pub fn new() -> Self {
        Wrapper { items: core::array::from_fn(|_| T::default()), marker: PhantomData }
    }

    pub fn get(&self, i: usize) -> Option<&T> {
        self.items.get(i)
    }
}

fn largest<T: PartialOrd + Copy>(list: &[T]) -> T {
    let mut largest = list[0];
    for &item in list.iter() {
        if item > largest {
            largest = item;
        }
    }
    largest
}

fn turbofish() -> usize {
    let v = core::mem::size_of::<Wrapper<u8, 3>>();
    let parsed = "5".parse::<u32>().unwrap_or_default();
    v + parsed as usize + largest::<u8>(&[1, 2, 3]) as usize
}
