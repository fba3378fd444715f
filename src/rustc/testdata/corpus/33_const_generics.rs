struct Matrix<const R: usize, const C: usize> { data: [[f32; C]; R] }
impl<const R: usize, const C: usize> Matrix<R, C> {
    fn transpose(&self) -> Matrix<C, R> {
        let mut out = Matrix::<C, R> { data: [[0.0; R]; C] };
        for r in 0..R { for c in 0..C { out.data[c][r] = self.data[r][c]; } }
        out
    }
}
fn sized() -> Matrix<2, { 1 + 2 }> { Matrix { data: [[0.0; 3]; 2] } }
