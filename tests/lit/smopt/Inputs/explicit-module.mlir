module {
  func.func @main() {
    return
  }
  func.func private @unused() {
    return
  }
}
