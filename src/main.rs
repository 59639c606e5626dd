fn main() {
    cashgo_web::start();
}
