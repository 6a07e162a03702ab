package dev.parley.bootstrap;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.yaml.snakeyaml.Yaml;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Build checks for how Parley is delivered, cheap enough for every build (README: "Start-up, footprint and
 * images"): the shipped application.yml parses (an unquoted "ws: " once kept ./parley run from starting while every
 * test passed), the container image configuration resolves to what the README promises (an empty base, so no
 * registry is needed; a non-root user; the application's main class; the laid-out Java runtime), and the native
 * profile is there for machines with GraalVM. Running jib:buildTar itself is left to the README's command.
 */
class DeliveryConfigurationTest {
    private static final Path MODULE = Path.of("").toAbsolutePath();

    @Test
    void theShippedApplicationYamlParses() throws Exception {
        try (InputStream in = Application.class.getClassLoader().getResourceAsStream("application.yml")) {
            assertThat(in).isNotNull();
            Map<String, Object> yaml = new Yaml().load(in);
            @SuppressWarnings("unchecked")
            Map<String, Object> headers = (Map<String, Object>) yaml.get("parley.security-headers");
            assertThat((String) headers.get("softphone-content-security-policy")).contains("connect-src 'self' ws: wss:");
        }
    }

    @Test
    void theImageIsBuiltOnAnEmptyBaseAndRunsAsANonRootUser() throws Exception {
        Element pom = read(MODULE.resolve("pom.xml"));
        Element jib = plugin(pom, "jib-maven-plugin");
        assertThat(jib).as("jib-maven-plugin in bootstrap/pom.xml").isNotNull();
        assertThat(text(jib, "from/image")).isEqualTo("scratch");
        assertThat(text(jib, "to/image")).startsWith("parley:");
        assertThat(text(jib, "container/user")).isEqualTo("10001:10001");
        assertThat(text(jib, "container/ports/port")).isEqualTo("5050");
        assertThat(text(jib, "container/mainClass")).isEqualTo("${exec.mainClass}");
        assertThat(property(pom, "exec.mainClass")).isEqualTo(Application.class.getName());
        assertThat(text(jib, "extraDirectories/paths/path/from")).isEqualTo("${parley.image.root}");
        assertThat(text(jib, "container/environment/PATH")).startsWith("/opt/java/bin");
        assertThat(property(pom, "jib.skip")).isEqualTo("false");
        assertThat(property(read(MODULE.resolve("../pom.xml")), "jib.skip")).as("other modules make no image").isEqualTo("true");

        String layout = Files.readString(MODULE.resolve("../scripts/image-root.sh"));
        assertThat(layout).contains("jlink").contains("parley:x:10001:10001").contains("/data");
    }

    @Test
    void theNativeProfileIsCarriedForMachinesWithGraalVm() throws Exception {
        Element pom = read(MODULE.resolve("pom.xml"));
        List<String> profiles = new ArrayList<>();
        NodeList ids = pom.getElementsByTagName("profile");
        for (int i = 0; i < ids.getLength(); i++) profiles.add(text((Element) ids.item(i), "id"));
        assertThat(profiles).contains("native");
    }

    private static Element read(Path pom) throws Exception {
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
        return doc.getDocumentElement();
    }

    private static Element plugin(Element pom, String artifactId) {
        NodeList plugins = pom.getElementsByTagName("plugin");
        for (int i = 0; i < plugins.getLength(); i++) {
            Element p = (Element) plugins.item(i);
            if (artifactId.equals(text(p, "artifactId")) && p.getParentNode().getParentNode().getNodeName().equals("build")) return p;
        }
        return null;
    }

    private static String property(Element pom, String name) {
        Element properties = child(pom, "properties");
        Element value = properties == null ? null : child(properties, name);
        return value == null ? null : value.getTextContent().trim();
    }

    /** The text at a slash-separated path of child elements (the configuration's elements for a plugin). */
    private static String text(Element from, String path) {
        Element at = from;
        for (String step : path.split("/")) {
            Element next = child(at, step);
            if (next == null && at == from) next = child(child(from, "configuration"), step);
            if (next == null) return null;
            at = next;
        }
        return at.getTextContent().trim();
    }

    private static Element child(Element parent, String name) {
        if (parent == null) return null;
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) return e;
        }
        return null;
    }
}
