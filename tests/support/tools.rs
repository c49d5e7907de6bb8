//! Tools some tests use to look at the result as others would. Under CI=true a missing tool fails
//! the test; elsewhere the test says loudly that it was skipped and what to install.

use std::process::{Command, Stdio};

/// Whether `program` runs (with `probe` as its arguments). When it does not: under CI=true the test
/// fails naming the Debian `package` to install; elsewhere a loud SKIPPED line says so and the
/// caller skips.
pub fn tool(program: &str, probe: &[&str], package: &str) -> bool {
    let found = Command::new(program)
        .args(probe)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok();
    if !found {
        assert!(
            std::env::var_os("CI").is_none(),
            "{program} is missing: install the Debian package {package}"
        );
        eprintln!("\n*** SKIPPED: {program} not found; install {package} to run this test ***\n");
    }
    found
}

/// Whether `ssh-keygen` (Debian package openssh-client) can be run.
pub fn ssh_keygen() -> bool {
    tool("ssh-keygen", &["-?"], "openssh-client")
}

/// Whether every tool in `tools` (program, probe arguments, package) runs; each missing one is
/// reported as [`tool`] does.
pub fn all(tools: &[(&str, &[&str], &str)]) -> bool {
    // Every tool is checked (no short cut), so one run names everything that is missing.
    let found: Vec<bool> = tools.iter().map(|(p, a, k)| tool(p, a, k)).collect();
    found.into_iter().all(|ok| ok)
}
