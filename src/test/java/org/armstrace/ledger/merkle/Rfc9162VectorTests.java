package org.armstrace.ledger.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The RFC 6962/9162 test vectors of transparency-dev/merkle (src/test/resources/rfc9162,
 * Apache 2.0): a correct verifier accepts every case with wantErr false and rejects every
 * case with wantErr true.
 */
class Rfc9162VectorTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * The eight leaf inputs of the vectors' trees, and the root of every size 0..8 (from
	 * the vectors' README).
	 */
	static final String[] LEAVES = { "", "00", "10", "2021", "3031", "40414243", "5051525354555657",
			"606162636465666768696a6b6c6d6e6f" };

	static final String[] ROOTS = { "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
			"6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
			"fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
			"aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
			"d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
			"4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
			"76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
			"ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
			"5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328" };

	static Stream<Arguments> inclusionCases() throws Exception {
		return cases("inclusion");
	}

	static Stream<Arguments> consistencyCases() throws Exception {
		return cases("consistency");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("inclusionCases")
	void inclusionProofIsAcceptedExactlyWhenTheVectorSaysSo(String name, JsonNode c) {
		var check = assertThatCode(() -> ProofVerifier.verifyInclusion(uint64(c.path("leafIdx")),
				uint64(c.path("treeSize")), bytes(c.path("leafHash")), hashes(c.path("proof")), bytes(c.path("root"))));
		if (c.path("wantErr").asBoolean()) {
			check.isInstanceOf(InvalidProofException.class);
		}
		else {
			check.doesNotThrowAnyException();
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("consistencyCases")
	void consistencyProofIsAcceptedExactlyWhenTheVectorSaysSo(String name, JsonNode c) {
		var check = assertThatCode(() -> ProofVerifier.verifyConsistency(uint64(c.path("size1")),
				uint64(c.path("size2")), hashes(c.path("proof")), bytes(c.path("root1")), bytes(c.path("root2"))));
		if (c.path("wantErr").asBoolean()) {
			check.isInstanceOf(InvalidProofException.class);
		}
		else {
			check.doesNotThrowAnyException();
		}
	}

	@Test
	void allVectorFilesAreFound() throws Exception {
		assertThat(cases("inclusion").count()).isGreaterThanOrEqualTo(90);
		assertThat(cases("consistency").count()).isGreaterThanOrEqualTo(90);
	}

	@Test
	void theFrontierAndTheStoredNodesReproduceEveryPublishedRoot() {
		InMemoryTree tree = new InMemoryTree();
		assertThat(HexFormat.of().formatHex(tree.frontier().root())).isEqualTo(ROOTS[0]);
		for (int size = 1; size <= 8; size++) {
			tree.append(HexFormat.of().parseHex(LEAVES[size - 1]));
			assertThat(HexFormat.of().formatHex(tree.frontier().root())).as("root of size %d", size)
				.isEqualTo(ROOTS[size]);
			assertThat(HexFormat.of().formatHex(Proofs.root(size, tree))).isEqualTo(ROOTS[size]);
			assertThat(HexFormat.of().formatHex(Frontier.load(size, tree).root())).isEqualTo(ROOTS[size]);
		}
	}

	@Test
	void proofsBuiltFromTheVectorTreeMatchThePublishedHappyPaths() throws Exception {
		InMemoryTree tree = new InMemoryTree();
		for (String leaf : LEAVES) {
			tree.append(HexFormat.of().parseHex(leaf));
		}
		JsonNode inclusion = read(dir("inclusion").resolve("1/happy-path.json"));
		assertThat(Proofs.inclusion(inclusion.path("leafIdx").asLong(), inclusion.path("treeSize").asLong(), tree))
			.usingElementComparator(Arrays::compare)
			.containsExactlyElementsOf(hashes(inclusion.path("proof")));
		JsonNode consistency = read(dir("consistency").resolve("1/happy-path.json"));
		assertThat(Proofs.consistency(consistency.path("size1").asLong(), consistency.path("size2").asLong(), tree))
			.usingElementComparator(Arrays::compare)
			.containsExactlyElementsOf(hashes(consistency.path("proof")));
	}

	@Test
	void aConsistencyProofFromTheEmptyTreeIsRefusedAsMeaningless() {
		assertThatThrownBy(
				() -> ProofVerifier.verifyConsistency(0, 5, List.of(), TreeHasher.emptyRoot(), TreeHasher.emptyRoot()))
			.isInstanceOf(InvalidProofException.class)
			.hasMessageContaining("empty tree");
	}

	private static Stream<Arguments> cases(String kind) throws IOException, URISyntaxException {
		Path root = dir(kind);
		List<Arguments> all = new ArrayList<>();
		try (Stream<Path> files = Files.walk(root)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
				all.add(Arguments.of(root.relativize(file).toString(), read(file)));
			}
		}
		return all.stream();
	}

	private static Path dir(String kind) throws URISyntaxException {
		return Path.of(Rfc9162VectorTests.class.getResource("/rfc9162/" + kind).toURI());
	}

	private static JsonNode read(Path file) throws IOException {
		return JSON.readTree(Files.readString(file));
	}

	/**
	 * The vectors hold sizes as Go uint64s (e.g. 2^64-1); as a Java long they keep their
	 * bits.
	 */
	private static long uint64(JsonNode number) {
		return new BigInteger(number.asString()).longValue();
	}

	private static byte[] bytes(JsonNode base64) {
		return base64.isNull() || base64.isMissingNode() ? null : Base64.getDecoder().decode(base64.asString());
	}

	private static List<byte[]> hashes(JsonNode array) {
		return array.isArray() ? array.valueStream().map(Rfc9162VectorTests::bytes).toList() : List.of();
	}

}
