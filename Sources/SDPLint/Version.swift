import SDPLintInput
import SDPLintReporting
import SDPLintWebRTC

/// The version `sdplint --version` prints and reports carry.
public let sdplintVersion = "0.1.0"
