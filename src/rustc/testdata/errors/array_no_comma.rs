fn g() {
  let c = [1 2];
  h(1, 2 3);
}
