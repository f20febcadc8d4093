package org.techtransfer.ledger.app.console;

import org.springframework.core.annotation.AliasFor;
import org.springframework.stereotype.Controller;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A controller of the console's pages: its failures are answered with a page, not with the API's problem
 * details ({@link ConsoleErrors}), and its model knows who is signed in ({@link ConsoleModel}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Controller
public @interface ConsolePage {

    @AliasFor(annotation = Controller.class)
    String value() default "";
}
