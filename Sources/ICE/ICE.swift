// The ICE module: RFC 8839 candidate lines, RFC 8445 priorities, ICE credentials and server URIs.
