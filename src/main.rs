// jemalloc serves the many small strings and vectors that every thread makes
// and frees faster than the system allocator, and holds less memory at scale
// (docs/performance.md).
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static GLOBAL: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() -> std::process::ExitCode {
    claimlint::cli::main()
}
