//! Tools some tests use to look at the result as others would. Under CI=true a missing tool fails
//! the test; elsewhere the test says loudly that it was skipped and what to install.

use std::process::{Command, Stdio};

/// Whether `ssh-keygen` (Debian package openssh-client) can be run.
pub fn ssh_keygen() -> bool {
    let found = Command::new("ssh-keygen")
        .arg("-?")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok();
    if !found {
        assert!(
            std::env::var_os("CI").is_none(),
            "ssh-keygen is missing: install the Debian package openssh-client"
        );
        eprintln!(
            "\n*** SKIPPED: ssh-keygen not found; install openssh-client to run this test ***\n"
        );
    }
    found
}
