package embedded

import (
	"bytes"
	"context"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"time"
)

// launcherSources holds the Java launcher's Maven project (pom.xml and the Java
// sources), so that the amicus binary can build it from any directory.
// The launcher's target/ directory is deliberately not embedded.
//
//go:embed launcher/pom.xml launcher/src
var launcherSources embed.FS

const (
	// launcherJar and launcherLib are the build outputs, relative to the build directory.
	launcherJar = "target/amicus-neo4j-launcher.jar"
	launcherLib = "target/lib"
	// launcherMain is the launcher's main class.
	launcherMain = "amicus.launcher.Launcher"
	// builtMarker is written into the build directory once a build has succeeded.
	builtMarker = ".amicus-built"
)

// The messages shown when a required tool is missing: one line each, with the
// command that installs it. Building the launcher needs a JDK, not just a JRE.
var (
	errNoJava  = errors.New("java not found: install Java 17 (apt-get install -y openjdk-17-jdk-headless)")
	errNoJavac = errors.New("javac not found: install a Java 17 JDK to build the embedded Neo4j launcher (apt-get install -y openjdk-17-jdk-headless)")
	errNoMaven = errors.New("mvn not found: install Maven (apt-get install -y maven)")
)

// sourcesHash returns a short hash of the embedded launcher sources. It names the
// build directory, so a changed launcher is rebuilt and an unchanged one is not.
func sourcesHash() (string, error) {
	h := sha256.New()
	// WalkDir visits files in lexical order, so the hash is stable.
	err := fs.WalkDir(launcherSources, "launcher", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := launcherSources.ReadFile(path)
		if err != nil {
			return err
		}
		fmt.Fprintf(h, "%s\x00%d\x00", path, len(data))
		h.Write(data)
		return nil
	})
	if err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil))[:12], nil
}

// cacheRoot returns the directory under which launcher builds are kept:
// dir if set, else $XDG_CACHE_HOME/amicus (see os.UserCacheDir).
func cacheRoot(dir string) (string, error) {
	if dir != "" {
		return filepath.Abs(dir)
	}
	base, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("finding a cache directory for the embedded Neo4j launcher: %w", err)
	}
	return filepath.Join(base, "amicus"), nil
}

// ensureLauncher returns the directory holding a built launcher, building it with
// Maven first if needed. Builds are cached per version of the embedded sources, and
// a file lock keeps two processes from building the same version at once.
func ensureLauncher(ctx context.Context, cacheDir string, progress io.Writer, logger *slog.Logger) (string, error) {
	root, err := cacheRoot(cacheDir)
	if err != nil {
		return "", err
	}
	sum, err := sourcesHash()
	if err != nil {
		return "", fmt.Errorf("reading the embedded launcher sources: %w", err)
	}
	dir := filepath.Join(root, "launcher-"+sum)
	if isBuilt(dir) {
		return dir, nil
	}
	if _, err := exec.LookPath("mvn"); err != nil {
		return "", errNoMaven
	}
	if _, err := exec.LookPath("javac"); err != nil {
		return "", errNoJavac
	}
	if err := os.MkdirAll(root, 0o755); err != nil {
		return "", fmt.Errorf("creating the launcher cache directory: %w", err)
	}

	lock, err := lockFile(ctx, dir+".lock", func() {
		fmt.Fprintln(progress, "waiting for another amicus process to finish building the embedded Neo4j launcher…")
	})
	if err != nil {
		return "", fmt.Errorf("locking the launcher build directory: %w", err)
	}
	defer lock.Close() // releases the lock

	// Another process may have built it while we waited for the lock.
	if isBuilt(dir) {
		return dir, nil
	}
	if err := writeSources(dir); err != nil {
		return "", fmt.Errorf("writing the launcher sources to %s: %w", dir, err)
	}

	fmt.Fprintln(progress, "building the embedded Neo4j launcher (first run only, downloads ~170 MB from Maven Central)…")
	logger.Info("building the embedded Neo4j launcher", "dir", dir)
	began := time.Now()
	var output bytes.Buffer
	cmd := exec.CommandContext(ctx, "mvn", "-B", "-q", "package")
	cmd.Dir = dir
	cmd.Stdout = &output
	cmd.Stderr = &output
	runErr := cmd.Run()
	_ = os.WriteFile(filepath.Join(dir, "build.log"), output.Bytes(), 0o644)
	if runErr == nil {
		runErr = checkBuildOutputs(dir)
	}
	if runErr != nil {
		progress.Write(output.Bytes())
		return "", fmt.Errorf("building the embedded Neo4j launcher failed (%v); Maven's output is above and in %s",
			runErr, filepath.Join(dir, "build.log"))
	}
	if err := os.WriteFile(filepath.Join(dir, builtMarker), []byte(time.Now().UTC().Format(time.RFC3339)+"\n"), 0o644); err != nil {
		return "", fmt.Errorf("marking the launcher as built: %w", err)
	}
	logger.Info("built the embedded Neo4j launcher", "dir", dir, "took", time.Since(began).Round(time.Millisecond))
	fmt.Fprintf(progress, "built the embedded Neo4j launcher in %s\n", time.Since(began).Round(time.Second))
	return dir, nil
}

// isBuilt reports whether dir holds a finished launcher build.
func isBuilt(dir string) bool {
	_, err := os.Stat(filepath.Join(dir, builtMarker))
	return err == nil
}

// writeSources replaces dir with a fresh copy of the embedded launcher sources.
func writeSources(dir string) error {
	if err := os.RemoveAll(dir); err != nil {
		return err
	}
	return fs.WalkDir(launcherSources, "launcher", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel("launcher", filepath.FromSlash(path))
		if err != nil {
			return err
		}
		target := filepath.Join(dir, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := launcherSources.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
}

// checkBuildOutputs verifies that Maven produced the launcher jar and its libraries.
func checkBuildOutputs(dir string) error {
	if _, err := os.Stat(filepath.Join(dir, launcherJar)); err != nil {
		return fmt.Errorf("no %s after the build", launcherJar)
	}
	jars, _ := filepath.Glob(filepath.Join(dir, launcherLib, "*.jar"))
	if len(jars) == 0 {
		return fmt.Errorf("no libraries in %s after the build", launcherLib)
	}
	return nil
}

// classPath returns the launcher's Java class path within the build directory.
func classPath(dir string) string {
	// "lib/*" is expanded by java itself, not by a shell.
	return filepath.Join(dir, launcherJar) + string(os.PathListSeparator) + filepath.Join(dir, launcherLib, "*")
}
