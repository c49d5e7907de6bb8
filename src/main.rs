//! The `branchday` binary: parse the command line and dispatch.

fn main() -> std::process::ExitCode {
    branchday::commands::main()
}
