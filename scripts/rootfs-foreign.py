#!/usr/bin/env python3
"""Finish a foreign-architecture root filesystem without running its
maintainer scripts under qemu (setup-engine.sh, rootfs step).

Running every postinst of an arm64 root through qemu is what made a fresh
machine spend minutes per root (python3's byte-compiling, java's
ca-certificates-java running a JVM). What those scripts leave behind is
almost all architecture-neutral, and the same packages were just configured
natively in the amd64 root. So:

  1. the arm64 packages are unpacked by the host's dpkg into ROOT
     (mmdebstrap --variant=extract left the .debs in var/cache/apt/archives),
     which also writes the dpkg database; the status is then set to
     installed, as configuring would have;
  2. every file of the configured amd64 root that no package owns (what the
     maintainer scripts made: /etc/passwd and group, shadow, alternatives
     links, the CA bundle and Java's cacerts, .pyc files ...) is copied in,
     with the architecture's names mapped (x86_64-linux-gnu ->
     aarch64-linux-gnu, -amd64 -> -arm64) in paths and link targets;
  3. the ld.so cache is made by the root's own ldconfig (one short qemu run).

usage: rootfs-foreign.py CONFIGURED_NATIVE.tar ROOT_DIR ARCH [LOG]
"""
import glob
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tarfile

TRIPLETS = {"arm64": "aarch64-linux-gnu", "amd64": "x86_64-linux-gnu"}
# What the copy must not carry over: dpkg's and apt's own state (the foreign
# root has its own), caches and logs, and the native ld.so cache.
SKIP_PREFIXES = (
    "var/lib/dpkg/",
    "var/lib/apt/",
    "var/cache/",
    "var/log/",
    "etc/ld.so.cache",
    "etc/machine-id",
)
# Generated files that are machine code of the native architecture: the JVM's
# class-data-sharing archive (java -Xshare:dump in openjdk's postinst).
SKIP_SUFFIXES = (".jsa",)


MERGED = ("bin", "sbin", "lib", "lib64")


def canonical(path):
    """A path as merged /usr sees it: bin/sh and usr/bin/sh are one file."""
    head, _, rest = path.partition("/")
    return f"usr/{head}/{rest}" if head in MERGED and rest else (f"usr/{head}" if head in MERGED else path)


def merge_usr(root):
    """mmdebstrap's extract variant leaves /bin, /sbin and /lib as directories
    (the merged-/usr links come from hooks it does not run there): make them
    the links bookworm has, before dpkg unpacks through them."""
    for d in MERGED:
        top, usr = os.path.join(root, d), os.path.join(root, "usr", d)
        if os.path.islink(top) or not os.path.isdir(top):
            continue
        os.makedirs(usr, exist_ok=True)
        for name in os.listdir(top):
            src, dst = os.path.join(top, name), os.path.join(usr, name)
            if os.path.isdir(src) and not os.path.islink(src) and os.path.isdir(dst):
                shutil.copytree(src, dst, symlinks=True, dirs_exist_ok=True)
                shutil.rmtree(src)
            else:
                os.replace(src, dst)
        os.rmdir(top)
        os.symlink(f"usr/{d}", top)


def is_elf(tar, member):
    with tar.extractfile(member) as f:
        return f.read(4) == b"\x7fELF"


def mapper(arch):
    native_triplet, triplet = TRIPLETS["amd64"], TRIPLETS[arch]

    def m(s):
        return s.replace(native_triplet, triplet).replace("-amd64", f"-{arch}")

    return m


def owned_paths(tar):
    """Every path some package of the native root owns (its dpkg .list files)."""
    owned = set()
    for member in tar.getmembers():
        n = member.name.lstrip("./")
        if n.startswith("var/lib/dpkg/info/") and n.endswith(".list"):
            data = tar.extractfile(member).read().decode()
            owned.update(canonical(line.strip().lstrip("/")) for line in data.splitlines() if line.strip())
    return owned


def unpack(root, log):
    debs = sorted(glob.glob(os.path.join(root, "var/cache/apt/archives/*.deb")))
    if not debs:
        sys.exit(f"rootfs-foreign: no .deb files in {root}/var/cache/apt/archives")
    # --force-depends: the order of one unpack call does not matter here, every
    # package is there. Preinst scripts run chrooted (few, short, under qemu).
    subprocess.run(
        ["dpkg", f"--root={root}", "--force-depends", "--force-architecture", "--force-confold",
         "--force-unsafe-io", "--unpack", *debs],
        check=True, stdout=subprocess.DEVNULL, stderr=log,
    )
    # configuring moves each new conffile into place and records its hash
    for dirpath, _dirs, files in os.walk(os.path.join(root, "etc")):
        for f in files:
            if f.endswith(".dpkg-new"):
                os.replace(os.path.join(dirpath, f), os.path.join(dirpath, f[: -len(".dpkg-new")]))
    status = os.path.join(root, "var/lib/dpkg/status")
    with open(status) as f:
        text = f.read()

    def conffile(match):
        path = os.path.join(root, match.group(1).lstrip("/"))
        digest = hashlib.md5(open(path, "rb").read()).hexdigest() if os.path.isfile(path) else "newconffile"
        return f" {match.group(1)} {digest}"

    text = re.sub(r"^ (/\S+) newconffile$", conffile, text, flags=re.M)
    text = re.sub(r"^Status: install ok (unpacked|half-configured)$", "Status: install ok installed", text, flags=re.M)
    with open(status, "w") as f:
        f.write(text)
    # the triggers dpkg queued stand for the postinst work done by step 2
    for name in ("Unincorp", "File"):
        p = os.path.join(root, "var/lib/dpkg/triggers", name)
        if os.path.exists(p):
            open(p, "w").close()
    return len(debs)


def copy_configured(native_tar, root, arch):
    m = mapper(arch)
    copied = 0
    with tarfile.open(native_tar) as tar:
        owned = owned_paths(tar)
        for member in tar.getmembers():
            n = canonical(member.name.lstrip("./"))
            if not n or n in owned or n.startswith(SKIP_PREFIXES) or n.endswith(SKIP_SUFFIXES):
                continue
            target = os.path.join(root, m(n))
            if member.isdir():
                if not os.path.isdir(target) and not os.path.lexists(target):
                    os.makedirs(target, exist_ok=True)
                    os.chmod(target, member.mode)
                    os.lchown(target, member.uid, member.gid)
                continue
            parent = os.path.dirname(target)
            if not os.path.isdir(parent):
                continue  # a native-only directory: nothing of it belongs here
            if os.path.islink(target) or (os.path.lexists(target) and not os.path.isdir(target)):
                os.unlink(target)
            elif os.path.isdir(target):
                continue  # a directory of the foreign root stays
            if member.issym():
                os.symlink(m(member.linkname), target)
            elif member.islnk():
                src = os.path.join(root, m(member.linkname.lstrip("./")))
                if os.path.exists(src):
                    os.link(src, target)
                else:
                    continue
            elif member.isfile():
                if is_elf(tar, member):
                    continue  # machine code of the native architecture never crosses
                with tar.extractfile(member) as src, open(target, "wb") as dst:
                    shutil.copyfileobj(src, dst)
                os.chmod(target, member.mode)
            else:
                continue  # devices and fifos: none in a minbase root's unowned set
            os.lchown(target, member.uid, member.gid)
            copied += 1
    return copied


def main():
    if len(sys.argv) not in (4, 5) or sys.argv[3] not in TRIPLETS or sys.argv[3] == "amd64":
        sys.exit(__doc__)
    native_tar, root, arch = sys.argv[1:4]
    with open(sys.argv[4] if len(sys.argv) == 5 else os.devnull, "a") as log:
        merge_usr(root)
        n = unpack(root, log)
    copied = copy_configured(native_tar, root, arch)
    subprocess.run(["chroot", root, "/sbin/ldconfig"], check=True)
    print(f"rootfs-foreign: {n} packages unpacked for {arch}, {copied} configured files from the native root, ld.so cache made")


if __name__ == "__main__":
    main()
