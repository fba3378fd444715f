async fn fetch(x: u32) -> u32 {
    x + 1
}

async fn chain() -> u32 {
    let a = fetch(1).await;
    let fut = async move { a * 2 };
    let b = fut.await;
    let c = async { 3 }.await;
    b + c
}

fn make() -> impl core::future::Future<Output = u32> {
    async { 5 }
}

const fn constant() -> u32 {
    const { 1 + 2 }
}

unsafe fn raw() {}
async unsafe fn both() {}
