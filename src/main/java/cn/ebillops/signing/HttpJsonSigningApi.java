package cn.ebillops.signing;

import cn.ebillops.config.ConfigNode;

/**
 * Paths and JSON field names of a vendor's HTTP/JSON gateway, all configurable under the
 * target's {@code api} key. Field names may be dotted paths into the response ("result.sign").
 * Binary values (data, signature, certificate) travel as Base64.
 */
record HttpJsonSigningApi(String signPath, String certPath, String dataField, String algorithmField,
                                 String keyIndexField, String sm2AlgorithmName, String rsaAlgorithmName,
                                 String codeField, String successCode, String messageField, String signatureField,
                                 String certField, String authHeader, String authTokenEnv) {

    public static HttpJsonSigningApi defaults() {
        return new HttpJsonSigningApi("/api/svs/sign", "/api/svs/cert", "data", "algorithm", "keyIndex",
                "SM3withSM2", "SHA256withRSA", "code", "0", "message", "signature", "cert", "", "");
    }

    public static HttpJsonSigningApi from(ConfigNode api) {
        HttpJsonSigningApi d = defaults();
        return new HttpJsonSigningApi(
                api.string("signPath", d.signPath()), api.string("certPath", d.certPath()),
                api.string("dataField", d.dataField()), api.string("algorithmField", d.algorithmField()),
                api.string("keyIndexField", d.keyIndexField()),
                api.string("sm2AlgorithmName", d.sm2AlgorithmName()), api.string("rsaAlgorithmName", d.rsaAlgorithmName()),
                api.string("codeField", d.codeField()), api.string("successCode", d.successCode()),
                api.string("messageField", d.messageField()), api.string("signatureField", d.signatureField()),
                api.string("certField", d.certField()), api.string("authHeader", ""), api.string("authTokenEnv", ""));
    }

    public String algorithmName(SignatureAlgorithm alg) {
        return alg == SignatureAlgorithm.SM3_WITH_SM2 ? sm2AlgorithmName : rsaAlgorithmName;
    }
}
