package cn.ebillops;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class EbillOpsApplication {

    public static void main(String[] args) {
        SpringApplication.run(EbillOpsApplication.class, args);
    }
}
